import { loginPageHtml } from '../pages/login-page.ts';
import { defineRoute, type RouteDef } from '../route.ts';

/** HTML pages served by the server itself (the console bundle adds its own routes). */
export function pageRoutes(): RouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/',
      access: { public: true, reason: 'the sign-in page; shows no data' },
      summary: 'Sign-in page / console entry.',
      handler: (c) => c.html(loginPageHtml()),
    }),
  ];
}
