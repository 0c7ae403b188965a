// The media type of a Word document, for the modules that export one (the progress report, the Informatiepunt's
// minutes) and for their OpenAPI descriptions.
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
