export { signalApiRoutes as signalRoutes } from './routes.js';
