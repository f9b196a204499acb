import { assetAccessibility, assetNeeds, checkAsset, mayEditAsset, readCentroidRows, distanceKm, fhirId, normalisePostcode, parseCsv, rankAssets, readAssetRows, type AssetEntry, type AssetProblem, type CsvProblem } from '@continuity/domain';
import {
  assetMaintainersByExternalId, createCommunityAsset, knownOrganisations, listCommunityAssets, postcodeCentroid, readCommunityAsset, savePostcodeCentroids, updateCommunityAsset, upsertCommunityAssets,
  type HeldAsset, type Store,
} from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireRole, requireStaff } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';
import { centroidImporters, maintainerOf, requireAssetEditor, requireDirectoryEditor } from './asset-editors.ts';
import { createAssetBody, importBody, searchQuery, updateAssetBody } from './asset-input.ts';

const assetParams = z.object({ assetId: fhirId });

/**
 * The community assets directory (issue 9 part 4; docs/community-assets.md). No person is in it,
 * so it is open to every signed-in user to read; edits follow requireAssetEditor.
 * - GET  /api/community-assets?need&postcode&language&accessibility: search, nearest first with the distance;
 * - GET  /api/community-assets/:assetId: one entry;
 * - POST /api/community-assets: a new entry; POST /api/community-assets/:assetId: a new version (409 when stale);
 * - POST /api/community-assets/import: entries from CSV, by external id, all or nothing;
 * - POST /api/community-assets/postcodes/import: postcode centroids from CSV, all or nothing.
 */
export function assetRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/community-assets', async (request) => {
    requireStaff(request);
    const query = parseInput(searchQuery, request.query, 'query');
    if (query.need && !Object.hasOwn(assetNeeds, query.need)) throw new ApiError(400, 'invalid-input', 'The query is not valid: need is not a need the directory knows', [{ field: 'need', message: `must be one of ${Object.keys(assetNeeds).join(', ')}` }]);
    const accessibility = (query.accessibility ?? '').split(',').map((a) => a.trim()).filter(Boolean);
    const unknown = accessibility.filter((a) => !Object.hasOwn(assetAccessibility, a));
    if (unknown.length > 0) throw new ApiError(400, 'invalid-input', `The query is not valid: accessibility has ${unknown.join(', ')}`, [{ field: 'accessibility', message: `has ${unknown.join(', ')}, not one of ${Object.keys(assetAccessibility).join(', ')}` }]);
    let from: { postcode: string; located: boolean } | null = null;
    let origin = null;
    if (query.postcode?.trim()) {
      const postcode = normalisePostcode(query.postcode);
      if (!postcode) throw new ApiError(400, 'invalid-input', 'The query is not valid: postcode must be a UK postcode, such as BS1 4DJ', [{ field: 'postcode', message: 'must be a UK postcode, such as BS1 4DJ' }]);
      origin = await postcodeCentroid(store.db, postcode);
      from = { postcode, located: origin !== null };
    }
    const held = await listCommunityAssets(store.db, query.need || undefined);
    const assets = rankAssets(held, { need: query.need || undefined, language: query.language, accessibility, from: origin }, distanceKm);
    return { from, assets };
  });

  app.get('/api/community-assets/:assetId', async (request) => {
    requireStaff(request);
    const { assetId } = parseInput(assetParams, request.params, 'params');
    return { asset: await assetOf(store, assetId) };
  });

  app.post('/api/community-assets', async (request, reply) => {
    const staff = requireStaff(request);
    const { assetId, ...body } = parseInput(createAssetBody, request.body, 'body');
    const maintainerId = maintainerOf(staff, body.maintainerId);
    requireAssetEditor(staff, maintainerId);
    const asset = await checked(store, { ...body, maintainerId });
    const held = await readCommunityAsset(store.db, assetId);
    if (held) {
      if (JSON.stringify(comparable(held)) === JSON.stringify(comparable({ ...held, ...asset }))) return reply.status(200).send({ asset: held });
      throw new ApiError(409, 'id-in-use', 'A different entry already has this id. Reload the form to add this as a new entry.', [{ field: 'assetId', message: 'is already used by a different entry' }]);
    }
    if (!(await createCommunityAsset(store.db, assetId, asset, staff.id))) throw new ApiError(409, 'id-in-use', 'A different entry already has this id.', [{ field: 'assetId', message: 'is already used by a different entry' }]);
    return reply.status(201).send({ asset: await assetOf(store, assetId) });
  });

  app.post('/api/community-assets/:assetId', async (request) => {
    const staff = requireStaff(request);
    const { assetId } = parseInput(assetParams, request.params, 'params');
    const body = parseInput(updateAssetBody, request.body, 'body');
    const held = await assetOf(store, assetId);
    // Both the entry as held and as it would be saved must be the partner's own: a partner cannot give an entry away.
    requireAssetEditor(staff, held.maintainerId);
    const maintainerId = body.maintainerId ?? held.maintainerId;
    requireAssetEditor(staff, maintainerId);
    const asset = await checked(store, { ...body, maintainerId });
    if (held.version !== body.version) throw stale(held);
    const version = await updateCommunityAsset(store.db, assetId, asset, body.version, staff.id);
    if (version === undefined) throw stale(await assetOf(store, assetId));
    return { asset: await assetOf(store, assetId) };
  });

  app.post('/api/community-assets/import', async (request) => {
    const staff = requireStaff(request);
    requireDirectoryEditor(staff);
    const { csv } = parseInput(importBody, request.body, 'body');
    let rows: string[][];
    try {
      rows = parseCsv(csv);
    } catch (error) {
      throw new ApiError(400, 'invalid-csv', `The file was not imported: ${(error as Error).message}`, [{ field: 'csv', message: (error as Error).message }]);
    }
    const { assets, problems } = readAssetRows(rows);
    if (problems.length === 0) {
      const known = await knownOrganisations(store.db, assets.map((a) => a.asset.maintainerId));
      const holders = await assetMaintainersByExternalId(store.db, assets.map((a) => a.externalId));
      for (const a of assets) {
        if (!known.has(a.asset.maintainerId)) problems.push({ row: a.row, column: 'maintainer', message: 'is not an organisation the platform knows' });
        else if (!mayEditAsset(staff, a.asset.maintainerId) || (holders.has(a.externalId) && !mayEditAsset(staff, holders.get(a.externalId)!))) {
          problems.push({ row: a.row, column: 'maintainer', message: 'is not your organisation: a partner agency can import only its own entries' });
        }
      }
    }
    if (problems.length > 0) throw rowProblems(problems);
    const counts = await store.db.transaction().execute((trx) => upsertCommunityAssets(trx, assets, staff.id));
    return { imported: assets.length, ...counts };
  });

  app.post('/api/community-assets/postcodes/import', async (request) => {
    requireRole(request, centroidImporters, 'import postcode centroids: they are reference data for the whole trust');
    const { csv } = parseInput(importBody, request.body, 'body');
    let rows: string[][];
    try {
      rows = parseCsv(csv);
    } catch (error) {
      throw new ApiError(400, 'invalid-csv', `The file was not imported: ${(error as Error).message}`, [{ field: 'csv', message: (error as Error).message }]);
    }
    const { centroids, problems } = readCentroidRows(rows);
    if (problems.length > 0) throw rowProblems(problems);
    await store.db.transaction().execute((trx) => savePostcodeCentroids(trx, centroids));
    return { imported: centroids.length };
  });
}

async function checked(store: Store, entry: AssetEntry & { maintainerId: string }) {
  const outcome = checkAsset(entry);
  if (!outcome.ok) throw refused(outcome.problems);
  if (!(await knownOrganisations(store.db, [outcome.asset.maintainerId])).has(outcome.asset.maintainerId)) {
    throw refused([{ field: 'maintainerId', message: 'is not an organisation the platform knows' }]);
  }
  return outcome.asset;
}

function comparable(a: HeldAsset) {
  const { id: _id, version: _version, updatedAt: _updatedAt, maintainer: _maintainer, location: _location, externalId: _externalId, ...fields } = a;
  return fields;
}

async function assetOf(store: Store, assetId: string): Promise<HeldAsset> {
  const asset = await readCommunityAsset(store.db, assetId);
  if (!asset) throw new ApiError(404, 'not-found', 'The directory has no entry with that id.');
  return asset;
}

function stale(current: HeldAsset): ApiError {
  return new ApiError(409, 'stale-version', `Someone saved a new version of ${current.name} since you opened it. Reload to see their changes, then make yours again.`, [
    { field: 'version', message: `is not the current version of the entry (now version ${current.version})` },
  ]);
}

function refused(problems: AssetProblem[]): ApiError {
  return new ApiError(400, 'invalid-input', `The entry was not saved: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
}

/** Every problem in the file, by row and column; nothing was stored. */
function rowProblems(problems: CsvProblem[]): ApiError {
  const fields = problems.map((p) => ({ field: `row ${p.row}, ${p.column}`, message: p.message }));
  return new ApiError(400, 'invalid-csv', `The file was not imported, nothing was stored: ${fields.slice(0, 10).map((f) => `${f.field} ${f.message}`).join('; ')}${fields.length > 10 ? ` and ${fields.length - 10} more` : ''}`, fields);
}
