import { Empty, Timeline, Typography } from 'antd';
import type { SupervisionEvent } from '../../api/types';
import { actorName } from '../../components/actor-name';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { formatDateTime } from '../../time/format';

const ACTION: Record<string, MessageKey> = {
  open: 'event.open',
  acknowledge: 'event.acknowledge',
  report_rectification: 'event.report_rectification',
  request_closure: 'event.request_closure',
  accept_closure: 'event.accept_closure',
  reject_closure: 'event.reject_closure',
  schedule: 'event.schedule',
  reschedule: 'event.reschedule',
  record_minutes: 'event.record_minutes',
  report_follow_up: 'event.report_follow_up',
  close: 'event.close',
  cancel: 'event.cancel',
};

const COLOR: Record<string, string> = {
  accept_closure: 'green',
  reject_closure: 'red',
  cancel: 'gray',
  close: 'green',
};

/** What happened to a case or an interview, oldest first: who did what, what they wrote, what they attached. */
export function EventTimeline({ events }: { events: SupervisionEvent[] }) {
  const t = useT();
  return (
    <section aria-labelledby="events-title" className="page-section">
      <Typography.Title level={3} id="events-title">
        {t('event.title')}
      </Typography.Title>
      {events.length === 0 ? (
        <Empty description={t('event.none')} />
      ) : (
        <Timeline
          items={[...events]
            .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id)
            .map((event) => {
              const known = ACTION[event.action];
              return {
                color: COLOR[event.action] ?? 'blue',
                content: (
                  <article className="history-entry" aria-label={known ? t(known) : event.action}>
                    <div className="history-head">
                      <strong>{known ? t(known) : event.action}</strong>{' '}
                      <Typography.Text type="secondary">
                        {actorName(event.actor, t)} · {formatDateTime(event.at)}
                      </Typography.Text>
                    </div>
                    {event.text && <Typography.Paragraph className="review-comment">{event.text}</Typography.Paragraph>}
                    {event.attachments.length > 0 && (
                      <Typography.Text type="secondary">
                        {t('event.attachments', { list: event.attachments.join('、') })}
                      </Typography.Text>
                    )}
                  </article>
                ),
              };
            })}
        />
      )}
    </section>
  );
}
