import { EntityManager } from 'typeorm';
import { EntityClass, REFERENCES } from '../entity/columns';
import { InvalidStateError } from '../errors';

/** Refuses (INVALID_STATE) to delete a record that other records still refer to. */
export async function assertUnreferenced(manager: EntityManager, target: EntityClass, id: string, label: string) {
  for (const ref of REFERENCES.filter((r) => r.target() === target)) {
    const used = await manager
      .getRepository(ref.owner)
      .createQueryBuilder('r')
      .where(`r.${ref.property} = :id`, { id })
      .getExists();
    if (used) {
      throw new InvalidStateError(`${label} ${id} is still referenced by ${manager.getRepository(ref.owner).metadata.name} records`);
    }
  }
}
