import { useMunicipalities, useOrganisations } from '../../api/hooks';
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

  return (
    <>
      <Heading level={1}>{t('organisations.title')}</Heading>
      <Paragraph>{t('organisations.intro')}</Paragraph>
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
                      </Tr>
                    </THead>
                    <TBody>
                      {list.map((organisation) => (
                        <Tr key={organisation.id}>
                          <Th scope="row">{organisation.name}</Th>
                          <Td>
                            {(organisation.municipalityId && municipalityName.get(organisation.municipalityId)) ||
                              t('common.empty')}
                          </Td>
                        </Tr>
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
