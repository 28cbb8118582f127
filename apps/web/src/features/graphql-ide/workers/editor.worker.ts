// Worker entry: Monaco's base editor worker (diffing, links, word ranges).
import 'monaco-editor/esm/vs/editor/editor.worker.js';
