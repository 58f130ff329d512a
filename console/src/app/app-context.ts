import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConsoleApp } from './console-app.js';

export const AppContext = createContext<ConsoleApp | null>(null);

export function useApp(): ConsoleApp {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside <AppContext.Provider>');
  return app;
}
