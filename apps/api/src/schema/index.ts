// Imports every schema module (each registers its types on the builder), then builds the schema.
import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.ts';
import './scalars.ts';
import './errors.ts';
import './account.ts';
import './geography.ts';
import './criteria.ts';
import './criteria-status.ts';
import './plan.ts';
import './plan-workflow.ts';
import './consultation.ts';
import './funding.ts';
import './allocation.ts';
import './grid-totals.ts';
import './analysis.ts';
import './project.ts';
import './audit.ts';
import './snapshot.ts';
import './exchange.ts';
import './optimizer.ts';
import './subscription.ts';

export const schema = lexicographicSortSchema(builder.toSchema());
