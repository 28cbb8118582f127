// Worker entry: JSON language service for the variables and headers editors.
import 'monaco-editor/esm/vs/language/json/json.worker.js';
