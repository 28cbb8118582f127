// Loads the status matrix and saves toggles optimistically: the new value shows at once, the
// server's answer replaces it, and a failure puts the old value back with a message.
import { CriteriaStatusMatrixDocument, request, SetCriterionStatusDocument } from '@ntm/graphql-client';
import { useCallback, useRef, useState } from 'react';
import type { SaveFailure } from '../../app/save-failure';
import { useQuery } from '../../app/use-query';
import { useLocale } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import { applyStatus, statusKey } from './status-matrix';

export type ToggleFailure = { failure: SaveFailure; unitName: string; criterionLabel: string };

export function useCriteriaStatus(variables: {
  id: string;
  criteriaSetId: string;
  districtCriteriaSetId: string | null;
}) {
  const [locale] = useLocale();
  const query = useQuery(CriteriaStatusMatrixDocument, variables);
  const { setData } = query;
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [lastFailure, setLastFailure] = useState<ToggleFailure | null>(null);
  const [lastSaved, setLastSaved] = useState<{
    unitName: string;
    criterionLabel: string;
    isMet: boolean;
  } | null>(null);
  // The latest request per status wins; an older answer arriving late must not undo a newer toggle.
  const sequence = useRef(new Map<string, number>());

  const setStatus = useCallback(
    (unit: { id: string; name: string }, criterion: { id: string; label: string }, isMet: boolean) => {
      const key = statusKey(unit.id, criterion.id);
      const seq = (sequence.current.get(key) ?? 0) + 1;
      sequence.current.set(key, seq);
      setPending((current) => new Map(current).set(key, isMet));
      setLastFailure(null);
      const settle = () => {
        if (sequence.current.get(key) !== seq) return false;
        setPending((current) => {
          const next = new Map(current);
          next.delete(key);
          return next;
        });
        return true;
      };
      request(
        SetCriterionStatusDocument,
        { input: { unitId: unit.id, criterionId: criterion.id, isMet } },
        { locale: LOCALE_TAGS[locale] },
      )
        .then((data) => {
          const result = data.setCriterionStatus;
          if (result.__typename === 'CriterionStatusPayload') {
            setData((plan) => (plan.plan ? { plan: applyStatus(plan.plan, unit.id, result.status) } : plan));
            if (settle()) setLastSaved({ unitName: unit.name, criterionLabel: criterion.label, isMet });
            return;
          }
          if (settle()) {
            setLastFailure({
              failure: { kind: 'input', code: result.code, message: result.message, locale },
              unitName: unit.name,
              criterionLabel: criterion.label,
            });
          }
        })
        .catch((error: unknown) => {
          if (settle()) {
            setLastFailure({
              failure: { kind: 'request', error },
              unitName: unit.name,
              criterionLabel: criterion.label,
            });
          }
        });
    },
    [locale, setData],
  );

  return {
    state: query.state,
    reload: query.reload,
    pending,
    setStatus,
    lastFailure,
    lastSaved,
    dismissFailure: () => setLastFailure(null),
  };
}
