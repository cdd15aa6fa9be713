/** The Slack kit: how every feature reads clicks and forms, refuses, and is routed. */
export * from './answer-failures';
export * from './audience';
export * from './conversations';
export * from './files';
export * from './form';
export { kitText } from './kit-text';
export * from './listeners';
export * from './messages';
export * from './modals';
export * from './routes';
export * from './unhandled';
