// qrcode 1.5.4 ships no types (and @types/qrcode is not a dependency): only what the portal calls.
declare module "qrcode" {
  const QRCode: {
    toString(text: string, options: { type: "svg"; errorCorrectionLevel?: "L" | "M" | "Q" | "H"; margin?: number }): Promise<string>;
  };
  export default QRCode;
}
