export { myAccessPlugin } from './plugin';
export { registerComponentModule } from './register';
