// "Organisaties beheren" for the programme office and its administrators, used by the
// organisations page: add an organisation; rename one or change its municipality.

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMunicipalities } from '../../api/hooks';
import { useCreateOrganisation, useUpdateOrganisation } from '../../api/admin';
import { ORGANISATION_KIND_ORDER, type Organisation, type OrganisationKind } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Button, ButtonGroup } from '../../components/Button';
import { SelectField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { ProblemAlert, useProblem } from '../../components/States';
import { useFieldErrors } from '../../formErrors';
import { useT, type Translate } from '../../i18n';
import { byName, oneOf } from '../../options';
import '../../styles/admin.css';

const municipalityOptions = (list: Array<{ id: string; name: string }>) => byName(list).map((m) => ({ value: m.id, label: m.name }));
const nameError = (t: Translate, name: string) =>
  !name.trim() ? t('validation.required') : name.trim().length < 2 ? t('organisationAdmin.nameShort') : undefined;

const NEW_IDS = { name: 'organisation-new-name', kind: 'organisation-new-kind', municipalityId: 'organisation-new-municipality' };

/** "Organisatie toevoegen": a button that opens the form; the new organisation appears in its group. */
export function AddOrganisation() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (added) document.getElementById('organisation-added')?.focus();
  }, [added]);

  return (
    <section className="eh-section eh-panel" aria-labelledby="organisation-new-heading">
      <Heading level={2} id="organisation-new-heading">
        {t('organisationAdmin.heading')}
      </Heading>
      <Paragraph>{t('organisationAdmin.intro')}</Paragraph>
      {added ? (
        <Alert type="ok" role="status" id="organisation-added" tabIndex={-1}>
          <p className="utrecht-paragraph">{t('organisationAdmin.added', { name: added })}</p>
        </Alert>
      ) : null}
      {open ? (
        <AddOrganisationForm
          onDone={(name) => {
            setOpen(false);
            setAdded(name);
          }}
          onCancel={() => {
            setOpen(false);
            requestAnimationFrame(() => buttonRef.current?.focus());
          }}
        />
      ) : (
        <Button
          id="organisation-add"
          ref={buttonRef}
          appearance="primary"
          onClick={() => {
            setAdded(null);
            setOpen(true);
          }}
        >
          {t('organisationAdmin.add')}
        </Button>
      )}
    </section>
  );
}

function AddOrganisationForm({ onDone, onCancel }: { onDone: (name: string) => void; onCancel: () => void }) {
  const t = useT();
  const create = useCreateOrganisation();
  const problem = useProblem(create.error);
  const { errorOf, validate, clear } = useFieldErrors(problem);
  const municipalities = useMunicipalities();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganisationKind | ''>('');
  const [municipalityId, setMunicipalityId] = useState('');

  useEffect(() => {
    document.getElementById(NEW_IDS.name)?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = validate({ name: nameError(t, name), kind: kind ? undefined : t('validation.choose') }, NEW_IDS);
    if (!ok || !kind) return;
    create.mutate(
      { name: name.trim(), kind, municipalityId: municipalityId || null },
      { onSuccess: (organisation) => onDone(organisation.name) },
    );
  };

  return (
    <form className="eh-form" noValidate onSubmit={submit} id="organisation-new-form">
      <ProblemAlert problem={problem} id="organisation-new-problem" />
      <TextField
        id={NEW_IDS.name}
        label={t('field.name')}
        value={name}
        onChange={(value) => {
          setName(value);
          clear('name');
        }}
        autoComplete="off"
        required
        error={errorOf('name')}
      />
      <SelectField
        id={NEW_IDS.kind}
        label={t('field.kind')}
        description={t('organisationAdmin.kindHelp')}
        value={kind}
        onChange={(value) => {
          setKind(oneOf(ORGANISATION_KIND_ORDER, value) ?? '');
          clear('kind');
        }}
        options={ORGANISATION_KIND_ORDER.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
        emptyLabel={t('common.choose')}
        required
        error={errorOf('kind')}
      />
      <SelectField
        id={NEW_IDS.municipalityId}
        label={t('field.municipality')}
        value={municipalityId}
        onChange={(value) => {
          setMunicipalityId(value);
          clear('municipalityId');
        }}
        options={municipalityOptions(municipalities.data ?? [])}
        emptyLabel={t('organisationAdmin.noMunicipality')}
        optional
        error={errorOf('municipalityId')}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={create.isPending} disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('organisationAdmin.submitAdd')}
        </Button>
        <Button appearance="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** The "Wijzigen" button of an organisation's row. */
export function EditOrganisationButton({
  organisation,
  editing,
  onToggle,
}: {
  organisation: Organisation;
  editing: boolean;
  onToggle: () => void;
}) {
  const t = useT();
  return (
    <Button
      id={`organisation-edit-${organisation.id}`}
      appearance="secondary"
      aria-expanded={editing}
      aria-controls={editing ? 'organisation-edit-form' : undefined}
      onClick={onToggle}
    >
      {t('organisationAdmin.edit')}
      <span className="eh-visually-hidden"> {organisation.name}</span>
    </Button>
  );
}

const EDIT_IDS = { name: 'organisation-edit-name', municipalityId: 'organisation-edit-municipality' };

/** A table row under the organisation's row with its name and municipality to change. */
export function EditOrganisationRow({ organisation, columns, onClose }: { organisation: Organisation; columns: number; onClose: () => void }) {
  const t = useT();
  const update = useUpdateOrganisation();
  const problem = useProblem(update.error);
  const { errorOf, validate, clear } = useFieldErrors(problem);
  const municipalities = useMunicipalities();
  const [name, setName] = useState(organisation.name);
  const [municipalityId, setMunicipalityId] = useState(organisation.municipalityId ?? '');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    document.getElementById(EDIT_IDS.name)?.focus();
  }, []);

  const close = () => {
    onClose();
    requestAnimationFrame(() => document.getElementById(`organisation-edit-${organisation.id}`)?.focus());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!validate({ name: nameError(t, name) }, EDIT_IDS)) return;
    const body = {
      ...(name.trim() !== organisation.name ? { name: name.trim() } : {}),
      ...((municipalityId || null) !== organisation.municipalityId ? { municipalityId: municipalityId || null } : {}),
    };
    if (Object.keys(body).length === 0) {
      close();
      return;
    }
    update.mutate({ id: organisation.id, body }, { onSuccess: () => setSaved(true) });
  };

  return (
    <tr className="utrecht-table__row eh-edit-row">
      <td className="utrecht-table__cell" colSpan={columns}>
        <form className="eh-form" noValidate onSubmit={submit} id="organisation-edit-form" aria-label={t('organisationAdmin.editLabel', { name: organisation.name })}>
          {saved ? (
            <Alert type="ok" role="status" id="organisation-saved">
              <p className="utrecht-paragraph">{t('organisationAdmin.saved')}</p>
            </Alert>
          ) : null}
          <ProblemAlert problem={problem} id="organisation-edit-problem" />
          <TextField
            id={EDIT_IDS.name}
            label={t('field.name')}
            value={name}
            onChange={(value) => {
              setName(value);
              clear('name');
              setSaved(false);
            }}
            autoComplete="off"
            required
            error={errorOf('name')}
          />
          <SelectField
            id={EDIT_IDS.municipalityId}
            label={t('field.municipality')}
            value={municipalityId}
            onChange={(value) => {
              setMunicipalityId(value);
              clear('municipalityId');
              setSaved(false);
            }}
            options={municipalityOptions(municipalities.data ?? [])}
            emptyLabel={t('organisationAdmin.noMunicipality')}
            optional
            error={errorOf('municipalityId')}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary" busy={update.isPending} disabled={update.isPending}>
              {update.isPending ? t('common.saving') : t('common.save')}
            </Button>
            <Button appearance="secondary" onClick={close}>
              {saved ? t('users.close') : t('common.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      </td>
    </tr>
  );
}
