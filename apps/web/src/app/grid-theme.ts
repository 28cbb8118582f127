// The AG Grid look of the plan screens' tables (criteria status, optimizer proposal): one place.
import { themeQuartz } from 'ag-grid-community';

export const TABLE_GRID_THEME = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 14,
  headerBackgroundColor: '#eef2ee',
  accentColor: '#1f6b3a',
  spacing: 5,
  wrapperBorderRadius: 6,
});
