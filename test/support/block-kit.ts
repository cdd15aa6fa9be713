// The limits check lives in src/ because the sandbox enforces it too; tests import it from here.
export { type Surface, validateSurface } from '../../src/slack/kit/limits';
