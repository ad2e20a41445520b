// What other features use of the evidence feature; its screens are in routes.tsx.
export { useEvidenceList } from './api/evidence';
export { IntegrityAlert } from './components/integrity-alert';
export { formatBytes } from './utils/format';
