export { createDemoServer, DEFAULT_DEMO_PORT } from './server';
export type { DemoServer, DemoServerOptions } from './server';
export { DEMO_ROUTES } from './routes/index-page';
export type { DemoRouteInfo } from './routes/index-page';
