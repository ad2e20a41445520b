/** This folder's entities alone: what other folders' queries name, without loading the module (no import cycle). */
export * from './platform-setting.entity';
