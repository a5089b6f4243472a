/** The public surface of @par/reports: the PDF report document and what is drawn on it. */
export * from './pdf-report';
