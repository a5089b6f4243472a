/** The campaigns: each one's questionnaire version, units, status and answers; create, open, close. */
import { useState } from 'react';
import { App as AntApp, Button, Flex, Tag } from 'antd';
import Popconfirm from 'antd/es/popconfirm';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { surveyCampaignActions } from '@par/contracts';
import type { Campaign, CampaignStatus, Locale } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import { SurveyListFrame } from './SurveysPage';
import { CampaignCreateModal } from './CampaignCreateModal';
import { formatProgress, surveyLinksPath } from './form-state';

const statusColor: Record<CampaignStatus, string> = {
  draft: 'default',
  open: 'green',
  closed: 'blue',
};

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation(ns);
  return (
    <Tag color={statusColor[status]} data-testid="campaign-status">
      {t(`surveys.campaigns.status.${status}`)}
    </Tag>
  );
}

export default function CampaignListPage() {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const api = useApiClient();
  const locale = currentLanguage() as Locale;
  const query = useActionQuery(surveyCampaignActions.listCampaigns, { limit: 200 });
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const items = query.data?.items ?? [];

  const transition = async (campaign: Campaign, to: 'open' | 'close') => {
    setBusy(campaign.id);
    try {
      const action =
        to === 'open' ? surveyCampaignActions.openCampaign : surveyCampaignActions.closeCampaign;
      await api.callAction(action, { id: campaign.id, version: campaign.version });
      void message.success(t(`surveys.campaigns.${to}Done`, { name: campaign.name }));
      query.reload();
    } catch (caught) {
      void message.error(isApiError(caught) ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <SurveyListFrame
        list="campaigns"
        createTestId="campaign-create"
        query={query}
        total={query.data?.total}
        isEmpty={items.length === 0}
        onCreate={() => setCreating(true)}
      >
        <Table
          rowKey="id"
          dataSource={items}
          pagination={false}
          data-testid="campaign-table"
          onRow={(campaign) => ({ 'data-testid': `campaign-${campaign.id}` }) as never}
          columns={[
            {
              key: 'name',
              title: t('surveys.campaigns.columns.name'),
              render: (_, campaign) => <Link to={campaign.id}>{campaign.name}</Link>,
            },
            {
              key: 'questionnaire',
              title: t('surveys.campaigns.columns.questionnaire'),
              render: (_, campaign) =>
                t('surveys.campaigns.questionnaireVersion', {
                  title: campaign.questionnaireTitle,
                  number: campaign.questionnaireVersion,
                }),
            },
            {
              key: 'units',
              title: t('surveys.campaigns.columns.units'),
              render: (_, campaign) => campaign.units.map((u) => u.unitCode).join(', '),
            },
            {
              key: 'status',
              title: t('surveys.campaigns.columns.status'),
              render: (_, campaign) => <CampaignStatusTag status={campaign.status} />,
            },
            {
              key: 'responses',
              title: t('surveys.campaigns.columns.responses'),
              align: 'right',
              render: (_, campaign) => formatProgress(campaign.responseCount, null, locale),
            },
            {
              key: 'actions',
              title: t('surveys.campaigns.columns.actions'),
              render: (_, campaign) => (
                <Flex gap={8} wrap>
                  {campaign.status !== 'open' ? (
                    <Button
                      size="small"
                      data-testid="campaign-open"
                      loading={busy === campaign.id}
                      onClick={() => void transition(campaign, 'open')}
                    >
                      {t(
                        campaign.status === 'draft'
                          ? 'surveys.campaigns.open'
                          : 'surveys.campaigns.reopen',
                      )}
                    </Button>
                  ) : (
                    <Popconfirm
                      title={t('surveys.campaigns.closeConfirm', { name: campaign.name })}
                      description={t('surveys.campaigns.closeConfirmDescription')}
                      okText={t('surveys.campaigns.close')}
                      cancelText={t('surveys.cancel')}
                      okButtonProps={{ 'data-testid': 'campaign-close-confirm' } as never}
                      onConfirm={() => void transition(campaign, 'close')}
                    >
                      <Button
                        size="small"
                        danger
                        data-testid="campaign-close"
                        loading={busy === campaign.id}
                      >
                        {t('surveys.campaigns.close')}
                      </Button>
                    </Popconfirm>
                  )}
                  <Link to={campaign.id} data-testid="campaign-results">
                    {t('surveys.campaigns.results')}
                  </Link>
                  <Link
                    to={surveyLinksPath(campaign.id, campaign.units[0]?.unitCode)}
                    data-testid="campaign-links"
                  >
                    {t('surveys.campaigns.links')}
                  </Link>
                </Flex>
              ),
            },
          ]}
        />
      </SurveyListFrame>
      <CampaignCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          query.reload();
        }}
      />
    </>
  );
}
