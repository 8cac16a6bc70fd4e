import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { applyTheme, watchSystemTheme } from './lib/theme';

applyTheme();
watchSystemTheme();
mount(App, { target: document.getElementById('app')! });
