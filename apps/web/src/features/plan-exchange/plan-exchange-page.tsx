// Excel round trip for a plan: download the printable workbook (or CSV), and import a workbook —
// drop a file, see every cell that would change and every problem, then apply it as one batch.
import { formatMoney } from '@ntm/domain';
import {
  ApplyImportDocument,
  type ImportPreviewFieldsFragment,
  ImportSourcesDocument,
  type MoneyUnit,
  PreviewImportDocument,
  request,
} from '@ntm/graphql-client';
import { AllCommunityModule, type ColDef, themeQuartz } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { type DragEvent, useId, useMemo, useState } from 'react';
import type { PlanHeader } from '../../app/plan-layout';
import { describeSaveFailure, type SaveFailure } from '../../app/save-failure';
import { useQuery } from '../../app/use-query';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import { useSession } from '../session/session-provider';
import './plan-exchange.css';

const MODULES = [AllCommunityModule];
const THEME = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 14,
  accentColor: '#1f6b3a',
  spacing: 4,
});

type Change = ImportPreviewFieldsFragment['changes'][number];
type PreviewState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; preview: ImportPreviewFieldsFragment }
  | { status: 'failed'; failure: SaveFailure };
type ApplyState =
  | { status: 'idle' }
  | { status: 'applying' }
  | { status: 'applied'; count: number }
  | { status: 'conflict'; count: number }
  | { status: 'failed'; failure: SaveFailure };

function ExportPanel({ planId }: { planId: string }) {
  const t = useT();
  const [locale] = useLocale();
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [lang, setLang] = useState<'vi' | 'en'>(locale);
  const [unit, setUnit] = useState<'dong' | 'trieu'>('dong');
  const href = `/export/plan/${encodeURIComponent(planId)}.${format}?lang=${lang}&unit=${unit}`;
  return (
    <section className="exchange-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exchange.export.heading')}</h2>
      <p>{t('exchange.export.intro')}</p>
      <div className="exchange-options">
        <label>
          {t('exchange.export.format')}
          <select value={format} onChange={(e) => setFormat(e.target.value as 'xlsx' | 'csv')}>
            <option value="xlsx">Excel (.xlsx)</option>
            <option value="csv">CSV (.csv)</option>
          </select>
        </label>
        <label>
          {t('exchange.export.language')}
          <select value={lang} onChange={(e) => setLang(e.target.value as 'vi' | 'en')}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t('exchange.unit')}
          <select value={unit} onChange={(e) => setUnit(e.target.value as 'dong' | 'trieu')}>
            <option value="dong">{t('exchange.unit.dong')}</option>
            <option value="trieu">{t('exchange.unit.trieu')}</option>
          </select>
        </label>
        <a className="button button--primary" href={href} download>
          {t('exchange.export.download')}
        </a>
      </div>
    </section>
  );
}

export function PlanExchangePage({ plan }: { plan: PlanHeader }) {
  // Importing writes the plan (planners only); every role may download it.
  const mayImport = useSession().can('Mutation.previewImport');
  const t = useT();
  const [locale] = useLocale();
  const inputId = useId();
  const sources = useQuery(ImportSourcesDocument, {});
  const [file, setFile] = useState<File | null>(null);
  const [unit, setUnit] = useState<MoneyUnit | ''>('');
  const [sourceId, setSourceId] = useState('');
  const [previewState, setPreviewState] = useState<PreviewState>({ status: 'idle' });
  const [applyState, setApplyState] = useState<ApplyState>({ status: 'idle' });
  const [isDragging, setDragging] = useState(false);
  const options = { unit: unit || null, sourceId: sourceId || null };
  const money = (value: string) => formatMoney(BigInt(value), { locale });

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setPreviewState({ status: 'idle' });
    setApplyState({ status: 'idle' });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0] ?? null);
  };

  const runPreview = async () => {
    if (!file) return;
    setPreviewState({ status: 'loading' });
    setApplyState({ status: 'idle' });
    try {
      const data = await request(
        PreviewImportDocument,
        { planId: plan.id, file, options },
        { locale: LOCALE_TAGS[locale] },
      );
      const result = data.previewImport;
      if (result.__typename === 'ImportPreview') setPreviewState({ status: 'ready', preview: result });
      else
        setPreviewState({
          status: 'failed',
          failure: { kind: 'input', code: result.code, message: result.message, locale },
        });
    } catch (error) {
      setPreviewState({ status: 'failed', failure: { kind: 'request', error } });
    }
  };

  const runApply = async () => {
    if (!file || previewState.status !== 'ready') return;
    setApplyState({ status: 'applying' });
    try {
      const data = await request(
        ApplyImportDocument,
        { planId: plan.id, file, options, token: previewState.preview.token },
        { locale: LOCALE_TAGS[locale] },
      );
      const result = data.applyImport;
      if (result.__typename === 'ApplyImportPayload')
        setApplyState({ status: 'applied', count: result.changedCount });
      else if (result.__typename === 'VersionConflictError')
        setApplyState({ status: 'conflict', count: result.conflicts.length });
      else
        setApplyState({
          status: 'failed',
          failure: { kind: 'input', code: result.code, message: result.message, locale },
        });
    } catch (error) {
      setApplyState({ status: 'failed', failure: { kind: 'request', error } });
    }
  };

  const columnDefs = useMemo<ColDef<Change>[]>(
    () => [
      {
        headerName: t('exchange.column.cell'),
        valueGetter: (p) => (p.data ? `${p.data.sheet}!${p.data.cell}` : ''),
        width: 150,
      },
      { headerName: t('exchange.column.commune'), field: 'communeName', flex: 1, minWidth: 140 },
      { headerName: t('exchange.column.criterion'), field: 'criterionNumber', width: 100 },
      { headerName: t('exchange.column.source'), field: 'sourceCode', width: 130 },
      {
        headerName: t('exchange.column.old'),
        valueGetter: (p) => (p.data ? money(p.data.oldAmount) : ''),
        type: 'rightAligned',
        width: 160,
      },
      {
        headerName: t('exchange.column.new'),
        valueGetter: (p) => (p.data ? money(p.data.newAmount) : ''),
        type: 'rightAligned',
        width: 160,
      },
    ],
    // money depends on locale only.
    [t, locale],
  );

  const preview = previewState.status === 'ready' ? previewState.preview : null;
  const isWritable = plan.status === 'DRAFT';
  if (!mayImport) {
    return (
      <div className="plan-exchange">
        <ExportPanel planId={plan.id} />
        <section className="exchange-panel" aria-labelledby="import-heading">
          <h2 id="import-heading">{t('exchange.import.heading')}</h2>
          <p className="notice" data-testid="import-not-allowed">
            {t('exchange.import.notAllowed')}
          </p>
        </section>
      </div>
    );
  }
  return (
    <div className="plan-exchange">
      <ExportPanel planId={plan.id} />
      <section className="exchange-panel" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('exchange.import.heading')}</h2>
        <p>{t('exchange.import.intro')}</p>
        {!isWritable && <p className="notice">{t('exchange.import.locked')}</p>}
        <label
          htmlFor={inputId}
          className={`drop-zone${isDragging ? ' drop-zone--active' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="import-drop-zone"
        >
          <span>{file ? t('exchange.import.chosen', { name: file.name }) : t('exchange.import.drop')}</span>
          <input
            id={inputId}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
        </label>
        <div className="exchange-options">
          <label>
            {t('exchange.unit')}
            <select
              value={unit}
              onChange={(e) => {
                setUnit(e.target.value as MoneyUnit | '');
                setPreviewState({ status: 'idle' });
              }}
            >
              <option value="">{t('exchange.unit.auto')}</option>
              <option value="DONG">{t('exchange.unit.dong')}</option>
              <option value="NGHIN">{t('exchange.unit.nghin')}</option>
              <option value="TRIEU">{t('exchange.unit.trieu')}</option>
              <option value="TY">{t('exchange.unit.ty')}</option>
            </select>
          </label>
          <label>
            {t('exchange.import.source')}
            <select
              value={sourceId}
              onChange={(e) => {
                setSourceId(e.target.value);
                setPreviewState({ status: 'idle' });
              }}
            >
              <option value="">{t('exchange.import.sourceAuto')}</option>
              {sources.state.status === 'ready' &&
                sources.state.data.fundingSources.map((s) => (
                  <option key={s.id} value={s.id}>
                    {locale === 'en' ? s.nameEn : s.nameVi}
                  </option>
                ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            disabled={!file || previewState.status === 'loading'}
            onClick={runPreview}
          >
            {previewState.status === 'loading'
              ? t('exchange.import.previewing')
              : t('exchange.import.preview')}
          </button>
        </div>
        {previewState.status === 'failed' && (
          <p className="notice notice--error" role="alert">
            {describeSaveFailure(previewState.failure, locale, t)}
          </p>
        )}
        {preview && (
          <div className="import-preview" data-testid="import-preview">
            <p role="status">
              {t('exchange.import.summary', {
                changes: preview.changeCount,
                unchanged: preview.unchangedCount,
                problems: preview.problems.length,
              })}{' '}
              {t('exchange.import.total', {
                before: money(preview.totalBefore),
                after: money(preview.totalAfter),
              })}
            </p>
            <ul className="import-sheets">
              {preview.sheets.map((s) => (
                <li key={s.name}>
                  {s.isRead
                    ? t('exchange.import.sheetRead', {
                        name: s.name,
                        count: s.cellCount,
                        unit: t(`exchange.unit.${(s.unit ?? 'DONG').toLowerCase()}` as 'exchange.unit.dong'),
                      })
                    : t('exchange.import.sheetSkipped', { name: s.name })}
                </li>
              ))}
            </ul>
            {preview.problems.length > 0 && (
              <>
                <h3>{t('exchange.import.problems')}</h3>
                <ul className="import-problems" data-testid="import-problems">
                  {preview.problems.map((p, i) => (
                    // Problems have no id; their order is stable for one preview.
                    <li key={i}>{p.message}</li>
                  ))}
                </ul>
              </>
            )}
            {preview.changeCount > 0 && (
              <div
                className="import-changes"
                style={{ height: Math.min(400, 48 + preview.changeCount * 42) }}
              >
                <AgGridReact<Change>
                  modules={MODULES}
                  theme={THEME}
                  rowData={preview.changes}
                  columnDefs={columnDefs}
                  suppressCellFocus
                />
              </div>
            )}
            <button
              type="button"
              className="button button--primary"
              disabled={
                !preview.canApply ||
                preview.changeCount === 0 ||
                !isWritable ||
                applyState.status === 'applying' ||
                applyState.status === 'applied'
              }
              onClick={runApply}
            >
              {t('exchange.import.apply', { count: preview.changeCount })}
            </button>
          </div>
        )}
        {applyState.status === 'applied' && (
          <p className="notice notice--success" role="status">
            {t('exchange.import.applied', { count: applyState.count })}
          </p>
        )}
        {applyState.status === 'conflict' && (
          <p className="notice notice--error" role="alert">
            {t('exchange.import.conflict', { count: applyState.count })}
          </p>
        )}
        {applyState.status === 'failed' && (
          <p className="notice notice--error" role="alert">
            {describeSaveFailure(applyState.failure, locale, t)}
          </p>
        )}
      </section>
    </div>
  );
}
