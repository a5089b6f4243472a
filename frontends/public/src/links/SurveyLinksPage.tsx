/** A unit's survey link for citizens and its QR code to print or share; the way to direct entry. */
import { Alert, Button, Card, Flex, Input, Typography } from 'antd';
import Form from 'antd/es/form';
import { PageHeader } from '@par/ui';
import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ns } from '../i18n';
import { surveyPath } from '../standalone/routes';
import { publicOrigin } from './public-origin';

export default function SurveyLinksPage() {
  const { t } = useTranslation(ns);
  const [params, setParams] = useSearchParams();
  const campaignId = params.get('campaign') ?? '';
  const unitCode = params.get('unit') ?? '';
  const [typed, setTyped] = useState({ campaignId, unitCode });
  const [qr, setQr] = useState<string>();
  const [failed, setFailed] = useState(false);
  const link = campaignId && unitCode ? publicOrigin() + surveyPath(campaignId, unitCode) : '';

  useEffect(() => {
    setQr(undefined);
    setFailed(false);
    if (!link) return;
    // Error correction M: still readable when printed small or slightly damaged.
    toDataURL(link, { errorCorrectionLevel: 'M', margin: 2, width: 320 })
      .then(setQr)
      .catch(() => setFailed(true));
  }, [link]);

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Card>
        <Form
          layout="vertical"
          onFinish={() =>
            setParams({ campaign: typed.campaignId.trim(), unit: typed.unitCode.trim() })
          }
        >
          <Form.Item label={t('campaignId')} htmlFor="survey-campaign-id" extra={t('codesHelp')}>
            <Input
              id="survey-campaign-id"
              value={typed.campaignId}
              onChange={(event) => setTyped({ ...typed, campaignId: event.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('unitCode')} htmlFor="survey-unit-code">
            <Input
              id="survey-unit-code"
              value={typed.unitCode}
              onChange={(event) => setTyped({ ...typed, unitCode: event.target.value })}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('show')}
          </Button>
        </Form>
      </Card>
      {link && (
        <Card style={{ marginTop: 16 }}>
          <Flex gap={24} wrap>
            <div>
              {qr && (
                <img
                  src={qr}
                  width={320}
                  height={320}
                  alt={t('qrAlt', { link })}
                  data-testid="survey-qr"
                />
              )}
              {failed && <Alert type="error" showIcon message={t('qrFailed')} />}
            </div>
            <div style={{ minWidth: 0, flex: 1 }}>
              <Typography.Paragraph>
                <Typography.Text strong>{t('onlineLink')}</Typography.Text>
                <br />
                <Typography.Text copyable data-testid="survey-online-link">
                  {link}
                </Typography.Text>
              </Typography.Paragraph>
              <Flex gap={12} wrap>
                {qr && (
                  <Button href={qr} download={`ma-qr-${unitCode}.png`}>
                    {t('download')}
                  </Button>
                )}
                <Button href={link} target="_blank" rel="noopener">
                  {t('open')}
                </Button>
                <Link
                  to={`truc-tiep/${encodeURIComponent(campaignId)}/${encodeURIComponent(unitCode)}`}
                >
                  {t('direct')}
                </Link>
              </Flex>
            </div>
          </Flex>
        </Card>
      )}
    </>
  );
}
