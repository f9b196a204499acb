import { Button, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ApiProblem } from '../api/client.ts';
import { FormErrors, errorFor, type FormError } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { useSession } from './session-context.tsx';
import { SingleSignOnLink, useSignInMethods } from './single-sign-on.tsx';

const FIELD_WORDS: Record<string, string> = { username: 'Enter your username', password: 'Enter your password' };

/** Turns the server's refusal into error summary entries, each linked to the field it is about. */
function errorsFrom(problem: unknown): FormError[] {
  if (!(problem instanceof ApiProblem)) return [{ message: 'Sign-in failed. Please try again.' }];
  if (problem.code === 'invalid-input' && problem.fields.length) {
    return problem.fields.map((f) => ({ fieldId: f.field, message: FIELD_WORDS[f.field] ?? `${f.field} ${f.message}` }));
  }
  if (problem.code === 'sign-in-failed') return [{ fieldId: 'username', message: problem.message }];
  return [{ message: problem.message }];
}

export function SignInPage() {
  const { session, signIn } = useSession();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const methods = useSignInMethods();

  const requested = (location.state as { from?: string } | null)?.from;
  const from = requested && requested.startsWith('/') && !requested.startsWith('//') && requested !== '/sign-in' ? requested : undefined;
  if (session.status === 'signed-in') return <Navigate to={from ?? '/'} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!username.trim()) missing.push({ fieldId: 'username', message: FIELD_WORDS.username! });
    if (!password) missing.push({ fieldId: 'password', message: FIELD_WORDS.password! });
    if (missing.length) return setErrors(missing);
    setBusy(true);
    try {
      await signIn(username.trim(), password);
    } catch (problem) {
      setPassword('');
      setErrors(errorsFrom(problem));
    } finally {
      setBusy(false);
    }
  }

  const expired = session.status === 'signed-out' && session.reason === 'expired';
  const signedOut = session.status === 'signed-out' && session.reason === 'signed-out';
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrors errors={errors} />
        <PageHeading title={errors.length ? 'Error: Sign in' : 'Sign in'}>Sign in to Continuity</PageHeading>
        {expired ? <p className="nhsuk-body">Your session has ended. Sign in again to carry on.</p> : null}
        {signedOut ? <p className="nhsuk-body">You have signed out.</p> : null}
        {methods?.sso ? <SingleSignOnLink sso={methods.sso} returnTo={from} /> : null}
        {methods?.sso && methods.passwords ? <h2 className="nhsuk-heading-m">Or sign in with a username and password</h2> : null}
        {methods?.passwords ? passwordForm() : null}
      </div>
    </div>
  );

  function passwordForm() {
    return (
      <form onSubmit={submit} noValidate>
        <TextInput
          id="username"
          name="username"
          label="Username"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          width={20}
          value={username}
          error={errorFor(errors, 'username')}
          onChange={(e) => setUsername(e.currentTarget.value)}
        />
        <TextInput
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          width={20}
          value={password}
          error={errorFor(errors, 'password')}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Button type="submit" disabled={busy}>
          Sign in
        </Button>
      </form>
    );
  }
}
