import type { ApiError } from '../../http/errors.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page a refused single sign-on lands on. The callback is a browser navigation from the
 * provider, not a call from the web app, so the refusal is a whole page (with the 4xx status and
 * the problem's code) that says what happened and how to get help, and links back to signing in.
 */
export function refusalPage(problem: ApiError): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>You could not be signed in – Continuity</title>
<style>
body { font-family: Arial, sans-serif; font-size: 1.1875rem; line-height: 1.5; color: #212b32; background: #f0f4f5; margin: 0; }
header { background: #005eb8; color: #fff; padding: 1rem; font-weight: bold; }
main { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
a { color: #005eb8; }
a:focus { background: #ffeb3b; color: #212b32; outline: 4px solid transparent; box-shadow: 0 -2px #ffeb3b, 0 4px #212b32; text-decoration: none; }
</style>
</head>
<body>
<header>Continuity</header>
<main id="main-content" data-problem="${escape(problem.code)}">
<h1>You could not be signed in</h1>
<p>${escape(problem.message)}</p>
<p><a href="/sign-in">Go back to sign in</a></p>
</main>
</body>
</html>
`;
}
