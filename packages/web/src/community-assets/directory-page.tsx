import { SummaryList } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import { useSignedInUser } from '../auth/session-context.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading } from '../layout/status-pages.tsx';
import { assetKinds } from '../../../domain/src/community-assets/asset-lists.ts';
import { editsDirectory, mayEditAsset } from '../../../domain/src/community-assets/asset-editors.ts';
import { accessibilityText, AssetSearchFields, distanceText, needsText, useAssetSearch } from './asset-search.tsx';

/** The community assets directory, searched by need and distance from a postcode (docs/community-assets.md). */
export function DirectoryPage() {
  const user = useSignedInUser();
  const { results, search } = useAssetSearch();
  const title = 'Community services';
  const assets = results.status === 'loaded' ? results.data.assets : [];
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="nhsuk-body">Voluntary and community services, housing and employment support, peer support, recovery colleges, faith and community groups near the people you support.</p>
      {editsDirectory(user) ? (
        <p className="nhsuk-body">
          <Link to="/community-assets/new">Add a community service</Link>
        </p>
      ) : null}
      <form
        aria-label="Find a community service"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <AssetSearchFields onSearch={search} />
      </form>
      <div role="status">{results.status === 'loaded' ? <p className="nhsuk-body">{assets.length} {assets.length === 1 ? 'service found' : 'services found'}.</p> : null}</div>
      {results.status === 'failed' ? <p className="nhsuk-body">{results.problem.message}</p> : null}
      {results.status === 'loading' ? <Loading what="services" /> : null}
      {assets.map((a) => (
        <section key={a.id} aria-labelledby={`asset-${a.id}`}>
          <h2 className="nhsuk-heading-s" id={`asset-${a.id}`}>
            {a.name} ({distanceText(a.distanceKm)})
          </h2>
          <SummaryList>
            {[
              ['Kind', (assetKinds as Record<string, string>)[a.kind] ?? a.kind],
              ['Needs served', needsText(a.needs)],
              ['Who it is for', a.eligibility],
              ['Where', [a.address, a.postcode].filter(Boolean).join(', ')],
              ['Open', a.openingTimes],
              ['Contact', [a.phone, a.email, a.website].filter(Boolean).join(', ')],
              ['Accessibility', accessibilityText(a.accessibility)],
              ['Languages', a.languages.join(', ')],
              ['Kept up to date by', a.maintainer.name],
            ]
              .filter(([, value]) => value)
              .map(([key, value]) => (
                <SummaryList.Row key={key}>
                  <SummaryList.Key>{key}</SummaryList.Key>
                  <SummaryList.Value>{value}</SummaryList.Value>
                </SummaryList.Row>
              ))}
          </SummaryList>
          {mayEditAsset(user, a.maintainer.id) ? (
            <p className="nhsuk-body">
              <Link to={`/community-assets/${encodeURIComponent(a.id)}/edit`}>
                Edit<span className="nhsuk-u-visually-hidden"> {a.name}</span>
              </Link>
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}
