// Integration point with the allocation grid (features/allocation-grid, owned by the grid work):
// loaded lazily so the grid and AG Grid's weight stay out of the home page's bundle.
import { lazy, Suspense } from 'react';
import { useT } from '../i18n/i18n-provider';

const loadGridPage = () => import('../features/allocation-grid/allocation-grid-page');
const AllocationGridPage = lazy(() =>
  loadGridPage().then((module) => ({
    default: module.AllocationGridPage,
  })),
);

/** Starts fetching the grid's code early (the browser caches the module; lazy() reuses it). */
export function preloadGridScreen(): void {
  void loadGridPage().catch(() => {
    // lazy() reports the failure when the screen renders.
  });
}

export function GridScreen({ planId, communeCount }: { planId: string; communeCount: number }) {
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
      <AllocationGridPage planId={planId} communeCount={communeCount} />
    </Suspense>
  );
}
