import { App, Card, Tabs } from 'antd';
import type { TabsProps } from 'antd';
import { api, unwrap } from '../../api/client';
import type { InterviewDetail } from '../../api/types';
import { TextActionForm } from '../../components/text-action-form';
import { useT } from '../../i18n/i18n';
import { RescheduleInterviewForm } from './reschedule-interview-form';

interface Props {
  detail: InterviewDetail;
  supervising: boolean;
  ownUnit: boolean;
  onChanged: () => void;
}

/**
 * The next steps of an interview for the viewer: the supervisor records minutes, moves it (改期) or cancels before
 * it is held and closes it afterwards; the unit reports how it follows up.
 */
export function InterviewActions({ detail, supervising, ownUnit, onChanged }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const path = { params: { path: { id: detail.id } } };
  const done = (text: string) => {
    void message.success(text);
    onChanged();
  };
  const items: NonNullable<TabsProps['items']> = [];

  if (supervising && detail.status === 'scheduled') {
    items.push(
      {
        key: 'minutes',
        label: t('interview.recordMinutes'),
        children: (
          <TextActionForm
            name="minutes"
            textField="minutes"
            label={t('interview.minutes')}
            required={t('interview.minutesRequired')}
            submitLabel={t('interview.saveMinutes')}
            onSubmit={async ({ text }) => {
              await unwrap(api.POST('/api/interviews/{id}/minutes', { ...path, body: { minutes: text } }));
              done(t('interview.minutesSaved'));
            }}
          />
        ),
      },
      {
        key: 'reschedule',
        label: t('interview.reschedule'),
        children: <RescheduleInterviewForm detail={detail} onDone={() => done(t('interview.rescheduled'))} />,
      },
      {
        key: 'cancel',
        label: t('interview.cancel'),
        children: (
          <TextActionForm
            name="cancel-interview"
            textField="reason"
            label={t('interview.cancelReason')}
            required={t('interview.cancelReasonRequired')}
            submitLabel={t('interview.cancelConfirm')}
            danger
            onSubmit={async ({ text }) => {
              await unwrap(api.POST('/api/interviews/{id}/cancel', { ...path, body: { reason: text } }));
              done(t('interview.cancelled'));
            }}
          />
        ),
      },
    );
  }
  if (ownUnit && (detail.status === 'held' || detail.status === 'followed_up')) {
    items.push({
      key: 'follow-up',
      label: t('interview.followUp'),
      children: (
        <TextActionForm
          name="follow-up"
          textField="text"
          refsField="attachments"
          label={t('interview.followUpText')}
          refsLabel={t('case.attachmentRefs')}
          required={t('interview.followUpRequired')}
          submitLabel={t('interview.sendFollowUp')}
          onSubmit={async ({ text, refs }) => {
            await unwrap(
              api.POST('/api/interviews/{id}/follow-up', {
                ...path,
                body: { text, attachments: refs.length ? refs : undefined },
              }),
            );
            done(t('interview.followUpSent'));
          }}
        />
      ),
    });
  }
  if (supervising && (detail.status === 'held' || detail.status === 'followed_up')) {
    items.push({
      key: 'close',
      label: t('interview.close'),
      children: (
        <TextActionForm
          name="close-interview"
          textField="comment"
          label={t('interview.closeComment')}
          submitLabel={t('interview.closeConfirm')}
          onSubmit={async ({ text }) => {
            await unwrap(api.POST('/api/interviews/{id}/close', { ...path, body: { comment: text || undefined } }));
            done(t('interview.closed'));
          }}
        />
      ),
    });
  }
  if (items.length === 0) {
    return null;
  }
  return (
    <Card className="page-section">
      <Tabs items={items} />
    </Card>
  );
}
