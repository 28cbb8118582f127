// Picks a scope down to the level a role (or a token) needs: province, then district, then commune.
// Districts come with the provinces; a district's communes load when it is picked.
import { DistrictCommunesDocument, type ScopeGeographyQuery } from '@ntm/graphql-client';
import { useQuery } from '../../app/use-query';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/vi';
import type { ScopeDraft, ScopeLevelChoice } from './account-logic';

export type Provinces = ScopeGeographyQuery['provinces'];

const LEVEL_LABELS: Record<ScopeLevelChoice, MessageKey> = {
  province: 'accounts.scope.province',
  district: 'accounts.scope.district',
  commune: 'accounts.scope.commune',
};

function CommuneSelect({
  id,
  districtId,
  value,
  onChange,
}: {
  id: string;
  districtId: string;
  value: string;
  onChange: (communeId: string) => void;
}) {
  const t = useT();
  const { state } = useQuery(DistrictCommunesDocument, { districtId });
  const communes = state.status === 'ready' ? state.data.communes.edges.map((edge) => edge.node) : [];
  return (
    <div className="accounts-field">
      <label htmlFor={id}>{t('accounts.scope.commune')}</label>
      <select id={id} required value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">
          {state.status === 'loading' ? t('session.loading') : t('accounts.scope.choose')}
        </option>
        {communes.map((commune) => (
          <option key={commune.id} value={commune.id}>
            {commune.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ScopePicker({
  idPrefix,
  levels,
  level,
  draft,
  provinces,
  onChange,
}: {
  idPrefix: string;
  /** The levels allowed; none (an admin) shows only a note. */
  levels: readonly ScopeLevelChoice[];
  /** The level in force (the draft's, if allowed). */
  level: ScopeLevelChoice | null;
  draft: ScopeDraft;
  provinces: Provinces;
  onChange: (draft: ScopeDraft) => void;
}) {
  const t = useT();
  if (level === null) return <p className="accounts-form__note">{t('accounts.scope.everywhere')}</p>;
  const districts = provinces.find((province) => province.id === draft.provinceId)?.districts ?? [];
  return (
    <fieldset className="accounts-scope">
      <legend>{t('accounts.scope.legend')}</legend>
      {levels.length > 1 && (
        <div className="accounts-field">
          <label htmlFor={`${idPrefix}-level`}>{t('accounts.scope.level')}</label>
          <select
            id={`${idPrefix}-level`}
            value={level}
            onChange={(event) => onChange({ ...draft, level: event.target.value as ScopeLevelChoice })}
          >
            {levels.map((choice) => (
              <option key={choice} value={choice}>
                {t(LEVEL_LABELS[choice])}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="accounts-field">
        <label htmlFor={`${idPrefix}-province`}>{t('accounts.scope.province')}</label>
        <select
          id={`${idPrefix}-province`}
          required
          value={draft.provinceId}
          onChange={(event) =>
            onChange({ level, provinceId: event.target.value, districtId: '', communeId: '' })
          }
        >
          <option value="">{t('accounts.scope.choose')}</option>
          {provinces.map((province) => (
            <option key={province.id} value={province.id}>
              {province.name}
            </option>
          ))}
        </select>
      </div>
      {level !== 'province' && (
        <div className="accounts-field">
          <label htmlFor={`${idPrefix}-district`}>{t('accounts.scope.district')}</label>
          <select
            id={`${idPrefix}-district`}
            required
            value={draft.districtId}
            disabled={!draft.provinceId}
            onChange={(event) => onChange({ ...draft, level, districtId: event.target.value, communeId: '' })}
          >
            <option value="">{t('accounts.scope.choose')}</option>
            {districts.map((district) => (
              <option key={district.id} value={district.id}>
                {district.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {level === 'commune' && draft.districtId && (
        <CommuneSelect
          id={`${idPrefix}-commune`}
          districtId={draft.districtId}
          value={draft.communeId}
          onChange={(communeId) => onChange({ ...draft, level, communeId })}
        />
      )}
    </fieldset>
  );
}
