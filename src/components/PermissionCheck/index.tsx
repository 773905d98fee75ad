import React from 'react';

// Placeholder until the live check lands (issue 4); replaced by the real component.
export default function PermissionCheck(): React.JSX.Element {
  return <p>The live permission check will appear here.</p>;
}
