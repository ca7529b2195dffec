import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** Dense enough for a 1366×768 laptop: small controls, compact tables, a narrow sidebar. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  typography: {
    fontFamily: [
      'system-ui',
      '-apple-system',
      '"Segoe UI"',
      '"PingFang SC"',
      '"Microsoft YaHei"',
      'sans-serif',
    ].join(','),
    fontSize: 13,
  },
  sidebar: { width: 210, closedWidth: 50 },
  components: {
    ...defaultTheme.components,
    MuiTextField: { defaultProps: { size: 'small', variant: 'outlined', margin: 'dense' } },
    MuiFormControl: { defaultProps: { size: 'small', variant: 'outlined', margin: 'dense' } },
    MuiTableCell: { styleOverrides: { sizeSmall: { padding: '4px 8px' } } },
    MuiTab: { styleOverrides: { root: { minHeight: 40, paddingTop: 6, paddingBottom: 6 } } },
    RaDatagrid: {
      styleOverrides: { root: { '& .RaDatagrid-headerCell': { fontWeight: 600, whiteSpace: 'nowrap' } } },
    },
  } as RaThemeOptions['components'],
};
