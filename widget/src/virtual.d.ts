/** Registers engine.io's long-polling transport when imported (see vite.config.ts). */
declare module 'virtual:engine-polling' {}
