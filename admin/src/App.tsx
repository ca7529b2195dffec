import { ApolloProvider } from '@apollo/client';
import { Admin, CustomRoutes } from 'react-admin';
import { Route } from 'react-router-dom';
import { buildAuthProvider, type StaffPermissions } from './auth/auth-provider';
import { buildDataProvider } from './data/data-provider';
import { loadRegistry } from './data/introspection';
import { apolloClient } from './graphql/client';
import { buildI18nProvider } from './i18n/i18n-provider';
import { AppLayout } from './layout/AppLayout';
import { LoadingScreen } from './layout/LoadingScreen';
import { theme } from './layout/theme';
import { resourceElements } from './resources/resource-elements';
import { screenRoutes } from './screen-routes';

const dataProvider = buildDataProvider(apolloClient);
const i18nProvider = buildI18nProvider();
const authProvider = buildAuthProvider(apolloClient, i18nProvider);

/**
 * The resources come from the API's schema (read once logged in) and the role: the generated
 * lists the role may read, plus its task screens.
 */
async function appContent(permissions: StaffPermissions | undefined) {
  try {
    const registry = await loadRegistry(apolloClient);
    return [...resourceElements(registry, permissions?.role), screenRoutes(permissions?.role)];
  } catch {
    return (
      <CustomRoutes>
        <Route path="*" element={<LoadingScreen messageKey="app.schemaError" />} />
      </CustomRoutes>
    );
  }
}

export function App() {
  return (
    <ApolloProvider client={apolloClient}>
      <Admin
        title="app.title"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        layout={AppLayout}
        theme={theme}
        requireAuth
        disableTelemetry
      >
        {appContent}
      </Admin>
    </ApolloProvider>
  );
}
