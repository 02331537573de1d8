import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAllLocations } from '../../api/hooks';
import { Alert } from '../../components/Alert';
import { Button, ButtonGroup } from '../../components/Button';
import { SelectField, TextField, TextareaField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, LoadMore, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { todayIso } from '../../dates';
import { useFieldErrors } from '../../formErrors';
import { useFormat, useT, type MessageKey } from '../../i18n';
import { useCurrentUser, useProgrammeSelection } from '../../session';
import {
  OBSERVATION_FACTORS,
  OBSERVATION_THEMES,
  livingLabAccess,
  useCreateObservation,
  useObservations,
  type Observation,
  type ObservationFactor,
  type ObservationTheme,
} from './api';

const themeLabel = (v: ObservationTheme) => `livingLab.theme.${v}` as MessageKey;
const factorLabel = (v: ObservationFactor) => `livingLab.factor.${v}` as MessageKey;

/**
 * /observaties: success and failure factors of guidance, housing and landing in the
 * neighbourhood, as tagged observations on a participant or a location; filters by theme,
 * factor and tag, and a form. `?deelnemer={id}` records about that participant (a link from the
 * participant's page); otherwise about a location.
 */
export function ObservationsPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('livingLab.obs.title'));
  const { programme } = useProgrammeSelection();
  const [params] = useSearchParams();
  const participantId = params.get('deelnemer') ?? undefined;
  const [theme, setTheme] = useState('');
  const [factor, setFactor] = useState('');
  const [tag, setTag] = useState('');
  const allowed = livingLabAccess.observations(me);
  const list = useObservations({ programmeId: programme?.id, theme: theme || undefined, factor: factor || undefined, tag: tag.trim().toLowerCase() || undefined, participantId }, allowed);
  const items: Observation[] = list.data?.pages.flatMap((p) => p.items) ?? [];

  if (!allowed) {
    return (
      <>
        <Heading level={1}>{t('livingLab.obs.title')}</Heading>
        <Alert type="info" id="obs-no-access"><p className="utrecht-paragraph">{t('livingLab.obs.noAccess')}</p></Alert>
      </>
    );
  }
  return (
    <>
      <Heading level={1}>{t('livingLab.obs.title')}</Heading>
      <Paragraph lead>{t('livingLab.obs.intro')}</Paragraph>
      <ObservationForm participantId={participantId} onTag={setTag} />
      <section aria-labelledby="obs-list-heading">
        <Heading level={2} id="obs-list-heading">{t('livingLab.obs.list')}</Heading>
        <div className="eh-filters" role="group" aria-label={t('common.filters')}>
          <SelectField id="obs-filter-theme" label={t('livingLab.obs.theme')} value={theme} onChange={setTheme} emptyLabel={t('livingLab.all')} options={OBSERVATION_THEMES.map((v) => ({ value: v, label: t(themeLabel(v)) }))} />
          <SelectField id="obs-filter-factor" label={t('livingLab.obs.factor')} value={factor} onChange={setFactor} emptyLabel={t('livingLab.all')} options={OBSERVATION_FACTORS.map((v) => ({ value: v, label: t(factorLabel(v)) }))} />
          <TextField id="obs-filter-tag" label={t('livingLab.obs.tag')} value={tag} onChange={setTag} type="search" />
        </div>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Empty>{t('livingLab.obs.empty')}</Empty>
        ) : (
          <Table caption={t('livingLab.obs.list')} hideCaption id="obs-table">
            <THead>
              <Tr>
                <Th scope="col">{t('livingLab.obs.observedOn')}</Th>
                <Th scope="col">{t('livingLab.obs.about')}</Th>
                <Th scope="col">{t('livingLab.obs.theme')}</Th>
                <Th scope="col">{t('livingLab.obs.factor')}</Th>
                <Th scope="col">{t('livingLab.obs.text')}</Th>
                <Th scope="col">{t('livingLab.obs.tags')}</Th>
                <Th scope="col">{t('livingLab.obs.by')}</Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((o) => (
                <ObservationRow key={o.id} o={o} onTag={setTag} />
              ))}
            </TBody>
          </Table>
        )}
        <LoadMore query={list} id="obs-more" />
      </section>
    </>
  );
}

function ObservationRow({ o, onTag }: { o: Observation; onTag: (tag: string) => void }) {
  const t = useT();
  const f = useFormat();
  return (
    <Tr>
      <Td>{f.date(o.observedOn)}</Td>
      <Td>{o.participant ? o.participant.code : (o.location?.name ?? '')}</Td>
      <Td>{t(themeLabel(o.theme))}</Td>
      <Td>{t(factorLabel(o.factor))}</Td>
      <Td>{o.text}</Td>
      <Td>
        <ul className="eh-tags">
          {o.tags.map((tag) => (
            <li key={tag}>
              <Button appearance="subtle" onClick={() => onTag(tag)} aria-label={t('livingLab.obs.filterTag', { tag })}>
                {tag}
              </Button>
            </li>
          ))}
        </ul>
      </Td>
      <Td>{o.author ? `${o.author.name} (${o.organisation.name})` : o.organisation.name}</Td>
    </Tr>
  );
}

function ObservationForm({ participantId, onTag }: { participantId?: string; onTag: (tag: string) => void }) {
  const t = useT();
  const me = useCurrentUser();
  const { programme } = useProgrammeSelection();
  const create = useCreateObservation();
  const problem = useProblem(create.error);
  const { errorOf, validate } = useFieldErrors(problem);
  const locations = useAllLocations({ programmeId: programme?.id }, !participantId);
  const [locationId, setLocationId] = useState('');
  const [theme, setTheme] = useState<ObservationTheme>('guidance');
  const [factor, setFactor] = useState<ObservationFactor>('success');
  const [tags, setTags] = useState('');
  const [text, setText] = useState('');
  const [observedOn, setObservedOn] = useState(todayIso());
  const [done, setDone] = useState(false);
  const aboutParticipant = !!participantId && livingLabAccess.aboutParticipants(me);

  const submit = () => {
    setDone(false);
    const ok = validate(
      { locationId: !aboutParticipant && !locationId && t('livingLab.required'), text: !text.trim() && t('livingLab.required') },
      { locationId: 'obs-location', text: 'obs-text' },
    );
    if (!ok) return;
    create.mutate(
      {
        ...(aboutParticipant ? { participantId } : { locationId }),
        theme,
        factor,
        tags: tags.split(',').map((x) => x.trim()).filter(Boolean),
        text: text.trim(),
        observedOn,
      },
      {
        onSuccess: () => {
          setText('');
          setTags('');
          setDone(true);
          onTag('');
        },
      },
    );
  };

  return (
    <section aria-labelledby="obs-form-heading">
      <Heading level={2} id="obs-form-heading">{t('livingLab.obs.new')}</Heading>
      {done ? <Alert type="ok" role="status" id="obs-saved"><p className="utrecht-paragraph">{t('livingLab.obs.saved')}</p></Alert> : null}
      <form
        className="eh-form"
        id="obs-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ProblemAlert problem={problem} />
        {aboutParticipant ? (
          <Paragraph>{t('livingLab.obs.aboutParticipant')}</Paragraph>
        ) : (
          <SelectField
            id="obs-location"
            label={t('livingLab.obs.location')}
            value={locationId}
            onChange={setLocationId}
            emptyLabel={t('livingLab.choose')}
            required
            error={errorOf('locationId')}
            options={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
          />
        )}
        <SelectField id="obs-theme" label={t('livingLab.obs.theme')} value={theme} onChange={(v) => setTheme(v as ObservationTheme)} options={OBSERVATION_THEMES.map((v) => ({ value: v, label: t(themeLabel(v)) }))} />
        <SelectField id="obs-factor" label={t('livingLab.obs.factor')} value={factor} onChange={(v) => setFactor(v as ObservationFactor)} options={OBSERVATION_FACTORS.map((v) => ({ value: v, label: t(factorLabel(v)) }))} />
        <TextareaField id="obs-text" label={t('livingLab.obs.text')} value={text} onChange={setText} error={errorOf('text')} description={t('livingLab.obs.textHelp')} />
        <TextField id="obs-tags" label={t('livingLab.obs.tags')} value={tags} onChange={setTags} optional description={t('livingLab.obs.tagsHelp')} error={errorOf('tags')} />
        <TextField id="obs-date" label={t('livingLab.obs.observedOn')} type="date" value={observedOn} onChange={setObservedOn} required error={errorOf('observedOn')} />
        <ButtonGroup>
          <Button type="submit" id="obs-submit" busy={create.isPending} disabled={create.isPending}>
            {t('livingLab.obs.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
