import { Fragment, useState } from 'react';
import { useMunicipalities, useOrganisations } from '../../api/hooks';
import { adminAccess } from '../../adminAccess';
import { useCurrentUser } from '../../session';
import { AddOrganisation, EditOrganisationButton, EditOrganisationRow } from '../admin/OrganisationAdmin';
import { ORGANISATION_KIND_ORDER } from '../../api/types';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, QueryError } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useT } from '../../i18n';
import { byName } from '../../options';

export function OrganisationsPage() {
  const t = useT();
  usePageTitle(t('organisations.title'));
  const organisations = useOrganisations();
  const municipalities = useMunicipalities();
  const municipalityName = new Map((municipalities.data ?? []).map((m) => [m.id, m.name]));
  // the programme office and its administrators add and rename organisations
  const manage = adminAccess.organisations(useCurrentUser());
  const [editingId, setEditingId] = useState<string | null>(null);

  return (
    <>
      <Heading level={1}>{t('organisations.title')}</Heading>
      <Paragraph>{t('organisations.intro')}</Paragraph>
      {manage ? <AddOrganisation /> : null}
      <div className="eh-columns eh-columns--wide-left">
        <div>
          {organisations.isPending ? (
            <Loading />
          ) : organisations.isError ? (
            <QueryError error={organisations.error} onRetry={() => void organisations.refetch()} />
          ) : organisations.data.length === 0 ? (
            <Empty>{t('organisations.empty')}</Empty>
          ) : (
            ORGANISATION_KIND_ORDER.map((kind) => {
              const list = byName(organisations.data.filter((o) => o.kind === kind));
              if (list.length === 0) return null;
              const headingId = `kind-${kind}`;
              return (
                <section key={kind} className="eh-section" aria-labelledby={headingId}>
                  <Heading level={2} id={headingId}>
                    {t(`orgKinds.${kind}`)} <span className="eh-count">({list.length})</span>
                  </Heading>
                  <Table caption={t(`orgKinds.${kind}`)} hideCaption>
                    <THead>
                      <Tr>
                        <Th>{t('field.name')}</Th>
                        <Th>{t('field.municipality')}</Th>
                        {manage ? (
                          <Th>
                            <span className="eh-visually-hidden">{t('organisationAdmin.action')}</span>
                          </Th>
                        ) : null}
                      </Tr>
                    </THead>
                    <TBody>
                      {list.map((organisation) => (
                        <Fragment key={organisation.id}>
                          <Tr>
                            <Th scope="row">{organisation.name}</Th>
                            <Td>
                              {(organisation.municipalityId && municipalityName.get(organisation.municipalityId)) ||
                                t('common.empty')}
                            </Td>
                            {manage ? (
                              <Td>
                                <EditOrganisationButton
                                  organisation={organisation}
                                  editing={editingId === organisation.id}
                                  onToggle={() => setEditingId((id) => (id === organisation.id ? null : organisation.id))}
                                />
                              </Td>
                            ) : null}
                          </Tr>
                          {manage && editingId === organisation.id ? (
                            <EditOrganisationRow organisation={organisation} columns={3} onClose={() => setEditingId(null)} />
                          ) : null}
                        </Fragment>
                      ))}
                    </TBody>
                  </Table>
                </section>
              );
            })
          )}
        </div>
        <aside className="eh-section" aria-labelledby="municipalities-heading">
          <Heading level={2} id="municipalities-heading">
            {t('organisations.municipalities')}
          </Heading>
          {municipalities.isPending ? (
            <Loading />
          ) : municipalities.isError ? (
            <QueryError error={municipalities.error} onRetry={() => void municipalities.refetch()} />
          ) : municipalities.data.length === 0 ? (
            <Empty>{t('organisations.municipalitiesEmpty')}</Empty>
          ) : (
            <ul className="utrecht-unordered-list eh-plain-list">
              {byName(municipalities.data).map((m) => (
                <li key={m.id} className="utrecht-unordered-list__item">
                  {m.name}
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </>
  );
}
