import { Button, Checkboxes, Select, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useApiResource, type Loaded } from '../api/use-api-resource.ts';
import { assetAccessibility, assetNeeds } from '../../../domain/src/community-assets/asset-lists.ts';
import type { AssetSearchResponse } from './community-asset-types.ts';

export interface AssetSearchTerms {
  need: string;
  postcode: string;
  language: string;
  accessibility: string[];
}

/** The search's address: only the terms given. */
function searchPath(terms: AssetSearchTerms): string {
  const query = new URLSearchParams();
  if (terms.need) query.set('need', terms.need);
  if (terms.postcode.trim()) query.set('postcode', terms.postcode.trim());
  if (terms.language.trim()) query.set('language', terms.language.trim());
  if (terms.accessibility.length) query.set('accessibility', terms.accessibility.join(','));
  return `/api/community-assets?${query.toString()}`;
}

/** The directory searched with the terms last submitted (none until the first search). */
export function useAssetSearch(): { results: Loaded<AssetSearchResponse>; search: (terms: AssetSearchTerms) => void } {
  const [path, setPath] = useState<string | null>(null);
  return { results: useApiResource<AssetSearchResponse>(path), search: (terms) => setPath(searchPath(terms)) };
}

/**
 * Search by need and distance from a postcode, with the language and accessibility filters.
 * Not a <form> of its own, so it can sit inside the referral form: the button searches.
 */
export function AssetSearchFields({ onSearch, initialPostcode = '' }: { onSearch: (terms: AssetSearchTerms) => void; initialPostcode?: string }) {
  const [terms, setTerms] = useState<AssetSearchTerms>({ need: '', postcode: initialPostcode, language: '', accessibility: [] });
  const search = (event?: FormEvent) => {
    event?.preventDefault();
    onSearch(terms);
  };
  return (
    <fieldset className="nhsuk-fieldset app-asset-search">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Find a service</legend>
      <Select id="search-need" label="Need" value={terms.need} onChange={(e) => setTerms({ ...terms, need: e.currentTarget.value })}>
        <Select.Option value="">Any need</Select.Option>
        {Object.entries(assetNeeds).map(([code, label]) => (
          <Select.Option key={code} value={code}>
            {label}
          </Select.Option>
        ))}
      </Select>
      <TextInput id="search-postcode" label="Near postcode" hint="Services are listed nearest first, with the straight-line distance." width={10} value={terms.postcode} onChange={(e) => setTerms({ ...terms, postcode: e.currentTarget.value })} />
      <TextInput id="search-language" label="Language" hint="For example Polish or Somali." width={20} value={terms.language} onChange={(e) => setTerms({ ...terms, language: e.currentTarget.value })} />
      <Checkboxes name="search-accessibility" legend="Accessibility needed" legendProps={{ size: 's' }} small>
        {Object.entries(assetAccessibility).map(([code, label]) => (
          <Checkboxes.Item
            key={code}
            id={`search-accessibility-${code}`}
            value={code}
            checked={terms.accessibility.includes(code)}
            onChange={(e) => setTerms({ ...terms, accessibility: e.currentTarget.checked ? [...terms.accessibility, code] : terms.accessibility.filter((a) => a !== code) })}
          >
            {label}
          </Checkboxes.Item>
        ))}
      </Checkboxes>
      <Button type="button" secondary onClick={() => search()}>
        Search
      </Button>
    </fieldset>
  );
}

/** How far, in words. */
export function distanceText(km: number | null): string {
  return km === null ? 'distance not known' : `${km.toLocaleString('en-GB')} km away`;
}

/** The words of the needs a service serves. */
export function needsText(needs: string[]): string {
  return needs.map((n) => (assetNeeds as Record<string, string>)[n] ?? n).join(', ');
}

export function accessibilityText(features: string[]): string {
  return features.map((a) => (assetAccessibility as Record<string, string>)[a] ?? a).join(', ');
}
