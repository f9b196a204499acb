import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';

// What the NHS frontend's template snippet does, without an inline script (the CSP forbids those).
document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
