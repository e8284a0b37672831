import { useApp } from '../../app/store';

export function StatusBar() {
  const storePath = useApp((state) => state.storePath);
  const officerName = useApp((state) => state.preferences?.officerName ?? '');
  return (
    <footer className="statusbar">
      <span>Store: {storePath}</span>
      {officerName && <span>Officer: {officerName}</span>}
    </footer>
  );
}
