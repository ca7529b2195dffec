import { Box } from '@mui/material';
import type { ReactElement } from 'react';
import {
  Create,
  DeleteButton,
  Edit,
  SaveButton,
  ShowButton,
  SimpleForm,
  Toolbar,
  TopToolbar,
} from 'react-admin';
import type { InputDef, ResourceDef } from '../../data/registry';
import { formFields } from '../columns';
import type { ResourceOverride } from '../overrides/types';
import type { RenderContext } from '../render-context';
import { renderInput, type InputMode } from './inputs';

interface Props {
  def: ResourceDef;
  ctx: RenderContext;
  override?: ResourceOverride;
}

function FormInputs({ input, ctx, mode }: { input: InputDef; ctx: RenderContext; mode: InputMode }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
        columnGap: 2,
        width: '100%',
      }}
    >
      {formFields(input.fields)
        .map((field) => renderInput(field, ctx, mode))
        .filter((el): el is ReactElement => !!el)}
    </Box>
  );
}

/** Save, and delete (with confirmation, after the server agrees) only where `deleteX` exists. */
function EditToolbar({ def }: { def: ResourceDef }) {
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {def.delete && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
  );
}

/**
 * A generated edit form from `UpdateXInput`. Pessimistic, so the server's verdict (and its
 * per-field messages) arrives before the page moves on.
 */
export function GenericEdit({ def, ctx }: Props) {
  if (!def.updateInput) return null;
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="show"
      actions={
        <TopToolbar>
          <ShowButton />
        </TopToolbar>
      }
    >
      <SimpleForm toolbar={<EditToolbar def={def} />}>
        <FormInputs input={def.updateInput} ctx={ctx} mode="edit" />
      </SimpleForm>
    </Edit>
  );
}

/** A generated create form from `CreateXInput`. */
export function GenericCreate({ def, ctx }: Props) {
  if (!def.createInput) return null;
  return (
    <Create redirect={def.one || def.canGetMany ? 'show' : 'list'}>
      <SimpleForm>
        <FormInputs input={def.createInput} ctx={ctx} mode="create" />
      </SimpleForm>
    </Create>
  );
}
