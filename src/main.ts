// `npm start`: serve Schakel with the settings from the environment.
import { ConfigError, loadConfig } from './config.js';
import { serve } from './server.js';

try {
  await serve(loadConfig());
} catch (error) {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
}
