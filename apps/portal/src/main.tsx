import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { registerServiceWorker } from './shared/push/push';
import './styles.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Push messages need the worker; it has no fetch handler, so it changes nothing for the Vite dev server.
void registerServiceWorker();
