// Integration point with the allocation grid (features/allocation-grid, owned by the grid work):
// loaded lazily so the grid and AG Grid's weight stay out of the home page's bundle.
import { lazy, Suspense } from 'react';
import { useT } from '../i18n/i18n-provider';

const AllocationGridPage = lazy(() =>
  import('../features/allocation-grid/allocation-grid-page').then((module) => ({
    default: module.AllocationGridPage,
  })),
);

export function GridScreen({ planId }: { planId: string }) {
  const t = useT();
  return (
    <Suspense
      fallback={
        <p className="notice notice--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('nav.loadingScreen')}
        </p>
      }
    >
      <AllocationGridPage planId={planId} />
    </Suspense>
  );
}
