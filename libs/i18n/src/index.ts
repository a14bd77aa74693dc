export * from './locales';
export * from './i18n.service';
export * from './i18n.module';
