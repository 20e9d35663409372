/** Imported first by handler tests: sets the environment the handlers read at load, and makes middy resolvable. */
import './middy-cjs';
import { TEST_ENV } from './tokens';

Object.assign(process.env, TEST_ENV);
