/** A unit's campaign link, for citizens and for surveyors, and its QR code to print or share. */
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { PageHeader } from '@par/ui';
import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ns } from '../i18n';
import { directSurveyPath, onlineSurveyPath } from '../standalone/routes';
import { publicOrigin } from './public-origin';

export default function SurveyLinksPage() {
  const { t } = useTranslation(ns);
  const [params, setParams] = useSearchParams();
  const linkId = params.get('link') ?? '';
  const [typed, setTyped] = useState(linkId);
  const [qr, setQr] = useState<string>();
  const [failed, setFailed] = useState(false);
  const online = linkId ? publicOrigin() + onlineSurveyPath(linkId) : '';
  const direct = linkId ? publicOrigin() + directSurveyPath(linkId) : '';

  useEffect(() => {
    setQr(undefined);
    setFailed(false);
    if (!online) return;
    // Error correction M: still readable when printed small or slightly damaged.
    toDataURL(online, { errorCorrectionLevel: 'M', margin: 2, width: 320 })
      .then(setQr)
      .catch(() => setFailed(true));
  }, [online]);

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Card>
        <Form
          layout="vertical"
          onFinish={() => setParams(typed.trim() ? { link: typed.trim() } : {})}
        >
          <Form.Item label={t('linkId')} extra={t('linkIdHelp')} htmlFor="survey-link-id">
            <Input
              id="survey-link-id"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              data-testid="survey-link-id"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('show')}
          </Button>
        </Form>
      </Card>
      {linkId && (
        <Card style={{ marginTop: 16 }}>
          <Flex gap={24} wrap>
            <div>
              {qr && (
                <img
                  src={qr}
                  width={320}
                  height={320}
                  alt={t('qrAlt', { link: online })}
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
                  {online}
                </Typography.Text>
              </Typography.Paragraph>
              <Typography.Paragraph>
                <Typography.Text strong>{t('directLink')}</Typography.Text>
                <br />
                <Typography.Text copyable>{direct}</Typography.Text>
              </Typography.Paragraph>
              <Flex gap={12} wrap>
                {qr && (
                  <Button href={qr} download={`ma-qr-${linkId}.png`}>
                    {t('download')}
                  </Button>
                )}
                <Button href={online} target="_blank" rel="noopener">
                  {t('open')}
                </Button>
              </Flex>
            </div>
          </Flex>
        </Card>
      )}
    </>
  );
}
