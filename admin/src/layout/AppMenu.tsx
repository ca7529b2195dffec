import { ListSubheader } from '@mui/material';
import { Fragment, createElement } from 'react';
import { Menu, usePermissions, useResourceDefinitions, useSidebarState, useTranslate } from 'react-admin';
import type { StaffPermissions } from '../auth/auth-provider';
import { MENU_GROUPS, groupOf, menuResourcesForRole } from '../auth/role-menus';
import { screensForRole, type ScreenDef } from '../screens/registry';

interface Section {
  group: string;
  screens: ScreenDef[];
  resources: string[];
}

/** The role's menu: its task screens and generated lists, grouped (store, members, marketing, …). */
export function AppMenu() {
  const translate = useTranslate();
  const [open] = useSidebarState();
  const { permissions } = usePermissions<StaffPermissions>();
  const definitions = useResourceDefinitions();
  const role = permissions?.role;
  const resources = menuResourcesForRole(role, Object.keys(definitions));
  const roleScreens = screensForRole(role);

  const ungrouped = roleScreens.filter((s) => !s.group);
  const groups = [...MENU_GROUPS, ...roleScreens.map((s) => s.group).filter((g): g is string => !!g)];
  const sections: Section[] = [...new Set(groups)]
    .map((group) => ({
      group,
      screens: roleScreens.filter((s) => s.group === group),
      resources: resources.filter((name) => groupOf(name) === group),
    }))
    .filter((section) => section.screens.length || section.resources.length);

  return (
    <Menu dense>
      {ungrouped.map((screen) => (
        <Menu.Item
          key={screen.path}
          to={`/${screen.path}`}
          primaryText={translate(screen.menuKey)}
          leftIcon={createElement(screen.icon)}
        />
      ))}
      {sections.map((section) => (
        <Fragment key={section.group}>
          {open && (
            <ListSubheader disableSticky sx={{ lineHeight: '32px', mt: 0.5, bgcolor: 'transparent' }}>
              {translate(section.group)}
            </ListSubheader>
          )}
          {section.screens.map((screen) => (
            <Menu.Item
              key={screen.path}
              to={`/${screen.path}`}
              primaryText={translate(screen.menuKey)}
              leftIcon={createElement(screen.icon)}
            />
          ))}
          {section.resources.map((name) => (
            <Menu.ResourceItem key={name} name={name} />
          ))}
        </Fragment>
      ))}
    </Menu>
  );
}
