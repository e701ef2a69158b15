import { useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { LiveStatus } from '../../../ui/live-status.tsx';
import { ItServicesPage } from '../it-services-parts.tsx';
import { Contracts } from './contracts.tsx';
import { SupplierRegister } from './supplier-register.tsx';
import { SupplierTrendSection } from './supplier-trend.tsx';
import '../it-services.css';

function Suppliers() {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <p className="lead">{t.itServicesAdmin.suppliers.lead}</p>
      <LiveStatus message={message} />
      <div className="stack">
        <SupplierRegister onSaved={setMessage} />
        <SupplierTrendSection onSaved={setMessage} />
        <Contracts onSaved={setMessage} />
      </div>
    </>
  );
}

/** `/it-tjanster/leverantorer`: the IT department's suppliers, their spend and count over time, and contracts. */
export function SuppliersPage() {
  const { t } = useI18n();
  return (
    <ItServicesPage title={t.itServicesAdmin.suppliers.title} permission="itServices.manage">
      {() => <Suppliers />}
    </ItServicesPage>
  );
}
