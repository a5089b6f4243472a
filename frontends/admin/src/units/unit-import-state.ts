/** Where the units page still takes its export download from; the helpers live in `shared/`. */
// UnitsPage.tsx is being rewritten on another branch: keep its import working until it moves.
export { downloadBase64 } from '../shared/file-transfer';
