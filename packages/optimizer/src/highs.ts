// Loads the HiGHS WebAssembly solver once per thread. The only file here that touches the
// runtime (it reads highs.wasm next to the package's JavaScript).
import loadHighs, { type Highs } from 'highs';

let loading: Promise<Highs> | null = null;

export function loadSolver(): Promise<Highs> {
  loading ??= loadHighs();
  return loading;
}
