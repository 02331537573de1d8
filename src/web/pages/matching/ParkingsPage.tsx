import { useState } from 'react';
import { notificationsAccess, useEndParking, useParkings, type Parking } from '../../api/notifications';
import { Alert } from '../../components/Alert';
import { AppLink, Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextareaField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { participantPath } from '../../paths';
import { useFormat, useT } from '../../i18n';
import { useCurrentUser } from '../../session';
import { offerPath } from './access';

/**
 * /aanbiedingen/geparkeerd: the participants parked after declines (GET /api/v1/parkings), with
 * "Parkeren beëindigen" behind a confirmation (POST /api/v1/parkings/{id}/ends). Programme office.
 * Ids: `parkings-table` (rows `data-code`), `parking-end-{id}`, dialog `parking-end-dialog`
 * (`-confirm`, `-cancel`, `parking-end-note`), `parking-ended` (confirmation).
 */
export function ParkingsPage() {
  const t = useT();
  const me = useCurrentUser();
  const format = useFormat();
  usePageTitle(t('parkings.title'));
  const allowed = notificationsAccess.parkings(me);
  const parkings = useParkings(allowed);
  const end = useEndParking();
  const problem = useProblem(end.error);
  const [chosen, setChosen] = useState<Parking | null>(null);
  const [note, setNote] = useState('');
  const [ended, setEnded] = useState<string | null>(null);
  const items: Parking[] = parkings.data?.pages.flatMap((p) => p.items) ?? [];

  if (!allowed) {
    return (
      <>
        <Heading level={1}>{t('parkings.title')}</Heading>
        <Alert type="info" id="parkings-no-access">
          <p className="utrecht-paragraph">{t('parkings.noAccess')}</p>
        </Alert>
      </>
    );
  }

  const close = () => {
    const id = chosen?.id;
    setChosen(null);
    setNote('');
    end.reset();
    // back to the button that opened the dialog (when it is still there)
    if (id) requestAnimationFrame(() => document.getElementById(`parking-end-${id}`)?.focus());
  };

  const confirm = () => {
    if (!chosen) return;
    const code = chosen.participant.code;
    end.mutate(
      { id: chosen.id, body: note.trim() ? { note: note.trim() } : {} },
      {
        onSuccess: () => {
          setChosen(null);
          setNote('');
          setEnded(code);
          requestAnimationFrame(() => document.getElementById('parking-ended')?.focus());
        },
      },
    );
  };

  return (
    <>
      <Heading level={1}>{t('parkings.title')}</Heading>
      <Paragraph>{t('parkings.intro')}</Paragraph>
      {ended ? (
        <Alert type="ok" role="status" id="parking-ended" tabIndex={-1}>
          <p className="utrecht-paragraph">{t('parkings.ended', { code: ended })}</p>
        </Alert>
      ) : null}
      {parkings.isPending ? (
        <Loading />
      ) : parkings.isError ? (
        <QueryError error={parkings.error} onRetry={() => void parkings.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('parkings.empty')}</Empty>
      ) : (
        <>
          <Table caption={t('parkings.title')} hideCaption id="parkings-table">
            <THead>
              <Tr>
                <Th>{t('parkings.field.code')}</Th>
                <Th>{t('parkings.field.from')}</Th>
                <Th>{t('parkings.field.until')}</Th>
                <Th>{t('parkings.field.reason')}</Th>
                <Th>{t('parkings.field.offer')}</Th>
                <Th>
                  <span className="eh-visually-hidden">{t('parkings.field.actions')}</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((k) => (
                <tr key={k.id} className="utrecht-table__row" data-code={k.participant.code}>
                  <Th scope="row">
                    <AppLink to={participantPath(k.participant.id)}>{k.participant.code}</AppLink>
                    {k.participant.name ? <span className="eh-muted"> — {k.participant.name}</span> : null}
                  </Th>
                  <Td>{format.date(k.parkedFrom)}</Td>
                  <Td>{k.parkedUntil ? format.date(k.parkedUntil) : t('parkings.indefinitely')}</Td>
                  <Td>{k.reason}</Td>
                  <Td>{k.offerId ? <AppLink to={offerPath(k.offerId)}>{t('parkings.openOffer', { code: k.participant.code })}</AppLink> : t('common.empty')}</Td>
                  <Td>
                    <Button
                      id={`parking-end-${k.id}`}
                      appearance="secondary"
                      onClick={() => {
                        end.reset();
                        setEnded(null);
                        setChosen(k);
                      }}
                    >
                      {t('parkings.end')}
                      <span className="eh-visually-hidden">: {k.participant.code}</span>
                    </Button>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
          {parkings.hasNextPage ? (
            <Button busy={parkings.isFetchingNextPage} onClick={() => void parkings.fetchNextPage()}>
              {parkings.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
            </Button>
          ) : null}
        </>
      )}
      <ConfirmDialog
        id="parking-end-dialog"
        open={chosen !== null}
        title={t('parkings.confirmTitle')}
        confirmLabel={t('parkings.end')}
        cancelLabel={t('common.cancel')}
        busy={end.isPending}
        footer={<ProblemAlert problem={problem} id="parking-end-error" />}
        onConfirm={confirm}
        onCancel={close}
      >
        <p className="utrecht-paragraph">{t('parkings.confirmText', { code: chosen?.participant.code ?? '' })}</p>
        <TextareaField
          id="parking-end-note"
          label={t('parkings.note')}
          optional
          value={note}
          onChange={setNote}
          error={problem?.fields.note ?? null}
        />
      </ConfirmDialog>
    </>
  );
}
