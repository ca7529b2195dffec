import { Suspense, createElement } from 'react';
import { CustomRoutes } from 'react-admin';
import { Route } from 'react-router-dom';
import { LoadingScreen } from './layout/LoadingScreen';
import { screensForRole, type Role } from './screens/registry';

/** A route per task screen of the role, each loaded on first visit (its own chunk). */
export function screenRoutes(role: Role | undefined) {
  const mine = screensForRole(role);
  if (!mine.length) return null;
  return (
    <CustomRoutes key="screens">
      {mine.map((screen) => (
        <Route
          key={screen.path}
          path={`/${screen.path}/*`}
          element={<Suspense fallback={<LoadingScreen />}>{createElement(screen.component)}</Suspense>}
        />
      ))}
    </CustomRoutes>
  );
}
