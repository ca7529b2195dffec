import { Chip } from '@mui/material';
import { AppBar, TitlePortal, usePermissions, useTranslate } from 'react-admin';
import type { StaffPermissions } from '../auth/auth-provider';

/** The bar shows whose session this is (role), next to the language switch and user menu. */
function RoleChip() {
  const translate = useTranslate();
  const { permissions } = usePermissions<StaffPermissions>();
  if (!permissions?.role) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      sx={{ color: 'inherit', borderColor: 'currentColor', mr: 1 }}
      label={translate(`enums.StaffRole.${permissions.role}`)}
    />
  );
}

export function AppAppBar() {
  return (
    <AppBar>
      <TitlePortal />
      <RoleChip />
    </AppBar>
  );
}
